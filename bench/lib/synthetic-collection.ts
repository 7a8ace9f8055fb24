/** A collection of `count` manifest references shaped like real ones (id, type, label, thumbnail, navDate). */
export function syntheticCollection(count: number, thumbnailBase = 'https://images.example.org'): string {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `https://example.org/iiif/reel/${i + 1}/manifest.json`,
    type: 'Manifest',
    label: { en: [`Document ${i + 1}`] },
    thumbnail: [
      {
        id: `${thumbnailBase}/reel/${i + 1}.jpg`,
        type: 'Image',
        format: 'image/jpeg',
        width: 100,
        height: 140,
      },
    ],
    navDate: `19${String(10 + (i % 90)).padStart(2, '0')}-01-01T00:00:00Z`,
  }));
  const collection = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/iiif/reel/collection.json',
    type: 'Collection',
    label: { en: ['A microfilm reel, one manifest per document'] },
    items,
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
