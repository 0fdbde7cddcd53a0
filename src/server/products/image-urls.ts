import { httpUrl } from '../cooperatives/contact';

/**
 * Images we can put in an <img src>: absolute http(s) URLs or paths on this
 * site. Anything else (a data: or javascript: URL, a protocol-relative one)
 * is dropped rather than shown.
 */
export function publicImageUrls(images: readonly string[]): string[] {
  return images.flatMap((image) => {
    if (image.startsWith('/') && !image.startsWith('//')) return [image];
    const url = httpUrl(image);
    return url ? [url] : [];
  });
}
