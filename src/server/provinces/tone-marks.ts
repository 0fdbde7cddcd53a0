/**
 * Place names as the resolutions on administrative units spell them. Tone marks where the resolutions put them: on the first vowel of an open
 * "oa", "oe", "uy" ("Hòa", "Thủy", not "Hoà", "Thuỷ"), never after "q",
 * whose "u" is no vowel ("Quý"), nor before a final letter ("Hoàng").
 * The communes' source (scripts/build-communes.ts) writes the other way, and
 * people type both.
 */
export function resolutionToneMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(?<![qQ])([oOuU])([aeyAEY])([\u0300\u0301\u0309\u0303\u0323])(?![\p{L}\p{M}])/gu, '$1$3$2')
    .normalize('NFC');
}
