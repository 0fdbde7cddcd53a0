/**
 * Atom documents checked against RFC 4287 offline. No maintained npm package
 * runs the W3C feed validator's rules, so the RFC's own RELAX NG grammar
 * (Appendix B, atom-rfc4287.rng beside this file) is checked by libxml2
 * (xmllint-wasm). The grammar's Schematron rules are notes to RELAX NG
 * validators, which skip them: the one on authors is checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const schema = {
  fileName: 'atom-rfc4287.rng',
  contents: readFileSync(join(import.meta.dirname, 'atom-rfc4287.rng'), 'utf8'),
};

/** What makes the document invalid Atom; empty when it is valid. */
export async function atomProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'feed.atom', contents: xml }],
    schema: [schema],
    extension: 'relaxng',
  });
  const problems = result.errors.map((error) => error.message);
  // "An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author."
  const head = xml.split('<entry>')[0] ?? '';
  const entries = xml.split('<entry>').slice(1);
  if (!/<author>/.test(head) && entries.some((entry) => !/<author>/.test(entry)))
    problems.push('atom:feed has no atom:author, nor has every atom:entry');
  return problems;
}
