/**
 * Tests look into whatever JSON an endpoint returns, so the body is `any`
 * here on purpose (the workers' Response types make it `unknown`).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function readJson(res: Response): Promise<any> {
  return res.json();
}
