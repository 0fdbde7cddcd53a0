/** Import files made from an importer's template columns, as a spreadsheet program writes them. */

interface TemplateColumn {
  field: string;
  example: string;
  headers: { vi: string };
}

export function templateFiles(columns: readonly TemplateColumn[]) {
  const header = columns.map((column) => column.headers.vi);
  return {
    header,
    /** A row of the template with some columns changed, by their field names. */
    row: (changes: Record<string, string>) =>
      columns.map((column) => (column.field in changes ? changes[column.field]! : column.example)),
    /** A CSV with every cell as typed, quoted (csvRecords would neutralise the formulas some tests send). */
    csvFile: (rows: string[][], delimiter = ',') =>
      new TextEncoder().encode(
        [header, ...rows]
          .map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(delimiter))
          .join('\r\n'),
      ),
  };
}
