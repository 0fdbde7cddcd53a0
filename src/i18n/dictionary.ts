import type { vi } from './vi';

/** The shape of vi.ts with its literal strings widened, which every other language must fill. */
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof vi>;
