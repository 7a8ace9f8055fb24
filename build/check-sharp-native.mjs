// electron-builder afterPack hook: fails the build unless sharp's native binary for the package's own platform
// and architecture is in app.asar.unpacked. npm installs sharp's native parts (@img/sharp-<platform>-<arch>, and
// on Linux and macOS its libvips, @img/sharp-libvips-<platform>-<arch>) only for the machine it runs on, so a
// package cross-built for another OS or CPU would start, then fail at the first image with "Could not load the
// sharp module". Install them for the target first, e.g.
//   npm install --os=win32 --cpu=x64 sharp
// (https://sharp.pixelplumbing.com/install#cross-platform).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

// electron-builder's Arch enum (builder-util): the number it passes in context.arch.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
// sharp's names for Electron's architectures (its packages are named as Node's process.arch).
const SHARP_ARCH = { ia32: 'ia32', x64: 'x64', armv7l: 'arm', arm64: 'arm64' };

/** The @img packages sharp needs on one platform and architecture (glibc Linux: what Electron runs on). */
export function sharpNativePackages(platform, arch) {
  const archs = arch === 'universal' ? ['x64', 'arm64'] : [SHARP_ARCH[arch] ?? arch];
  return archs.flatMap((a) =>
    platform === 'win32'
      ? [`@img/sharp-win32-${a}`]
      : [`@img/sharp-${platform}-${a}`, `@img/sharp-libvips-${platform}-${a}`],
  );
}

function resourcesDir(context) {
  if (typeof context.packager?.getResourcesDir === 'function')
    return context.packager.getResourcesDir(context.appOutDir);
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    const app = readdirSync(context.appOutDir).find((name) => name.endsWith('.app'));
    return path.join(context.appOutDir, app ?? '', 'Contents/Resources');
  }
  return path.join(context.appOutDir, 'resources');
}

/** Whether a package folder holds a native library (sharp-*.node, or libvips' lib folder). */
function hasNativeFiles(folder) {
  if (!existsSync(folder)) return false;
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory()
        ? walk(path.join(dir, entry.name))
        : /\.(node|so(\.\d+)*|dylib|dll)$/.test(entry.name),
    );
  return walk(folder);
}

export default async function checkSharpNative(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  const unpacked = path.join(resourcesDir(context), 'app.asar.unpacked/node_modules');
  const missing = sharpNativePackages(platform, arch).filter(
    (name) => !hasNativeFiles(path.join(unpacked, name)),
  );
  if (missing.length === 0) return;
  throw new Error(
    `The ${platform}-${arch} package has no ${missing.join(', ')} in app.asar.unpacked: images would fail in ` +
      `the app. Install sharp for that target first (npm install --os=${platform} --cpu=${arch} sharp), then ` +
      'build again.',
  );
}
