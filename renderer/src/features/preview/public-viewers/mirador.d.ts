/** Mirador ships no types; this is the one entry point the preview uses (see MiradorPreview.tsx). */
declare module 'mirador' {
  import type { ReactElement } from 'react';

  interface MiradorInstance {
    /** The viewer as React elements (its redux Provider and App), for rendering inside our own tree. */
    render(): ReactElement;
  }

  const Mirador: {
    viewer(config: Readonly<Record<string, unknown>>): MiradorInstance;
  };
  export default Mirador;
}
