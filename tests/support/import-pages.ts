/**
 * The import pages as a person uses them over HTTP (product and cooperative
 * registers, in the request or through the queue): the upload form's body and
 * the counts a run's page shows.
 */

/** The upload form: the file under `file`, beside the form's other fields. */
export function importUpload(bytes: Uint8Array, name: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
}

/** The counts table of a run's page, by row heading. */
export function importCountsOn(html: string): Record<string, string> {
  const table = /<table class="import-counts[^"]*"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return Object.fromEntries(
    [...table.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>\s*<td[^>]*>([^<]+)<\/td>/g)].map((m) => [m[1]!, m[2]!]),
  );
}
