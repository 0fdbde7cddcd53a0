/**
 * Tests look into whatever JSON an endpoint returns, so the body is `any`
 * here on purpose (the workers' Response types make it `unknown`).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function readJson(res: Response): Promise<any> {
  return res.json();
}

/** Where `url` sends a visitor, unfollowed: the status and the Location, to hold against an expected redirect. */
export async function redirectOf(url: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.body?.cancel();
  return { status: res.status, location: res.headers.get('location') };
}
