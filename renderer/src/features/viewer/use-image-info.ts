/** The descriptor of an image service for a component, loaded once and shared (image-info.ts caches it). */
import { useEffect, useState } from 'react';
import { loadImageInfo, type InfoResult } from './image-info';

export function useImageInfo(serviceId: string | null): InfoResult | null {
  const [loaded, setLoaded] = useState<{ id: string; result: InfoResult } | null>(null);
  useEffect(() => {
    if (!serviceId) return;
    let live = true;
    void loadImageInfo(`${serviceId}/info.json`).then((result) => {
      if (live) setLoaded({ id: serviceId, result });
    });
    return () => {
      live = false;
    };
  }, [serviceId]);
  // A result for another service (the selection moved on) is not this one's.
  return loaded && loaded.id === serviceId ? loaded.result : null;
}
