import type { Dictionary } from '../dictionary';

/** Bulk import from registers (src/server/imports): the dashboard's product import, the console's import of cooperatives, their files. */
export const importsEn: Dictionary['imports'] = {
  products: {
    title: 'Import products from a file',
    link: 'Import from a CSV/Excel file',
    lead: 'Add many products at once from the spreadsheet you already keep. The whole file is checked first: you see the result of every row before deciding to import. New products are saved as drafts; changes to published products go to review, as when edited with the form.',
    templateFileName: 'product-import-template',
    officerLink: 'Import products',
    officerTitle: 'Import products for {cooperative}',
    officerLead:
      "Import this cooperative's products from a spreadsheet, as its members would. The whole file is checked first. New products are saved as the cooperative's drafts (it submits them for review once they have photos); changes to published products go to review like any other change. The audit log names you and the cooperative.",
  },
  cooperatives: {
    title: 'Import cooperatives from the register',
    link: 'Import cooperatives from a CSV/Excel file',
    lead: "Import cooperatives from the department's register. The whole file is checked first; each row is matched to the cooperative with the same registration code. New cooperatives are created (not verified) and their managers can be invited by email; existing ones are updated in the register's details only.",
    templateFileName: 'cooperative-import-template',
    fields: {
      name: 'Full name, 2–200 characters.',
      registrationCode:
        'Registration code (usually the tax code), 6–20 digits or letters. Rows are matched to the cooperative with the same code; importing the same file again changes nothing.',
      kind: 'Cooperative group, Cooperative or Union of cooperatives (Vietnamese names accepted).',
      foundedYear: 'Year founded, four digits.',
      sector: 'One of the portal’s sectors, e.g. “Crops”, “Processing”, “Tourism”.',
      members: 'Number of members; empty is 0 (a new cooperative) or keeps the stored number.',
      provinceCode: 'Province or city name (marks optional) or its two-digit statistics office code.',
      commune:
        'Commune, ward or special zone of the province, as listed since 1 July 2025 (marks optional, with or without “xã”/“phường”); stored under its official name.',
      address: 'Address of the head office.',
      latitude: 'Latitude (decimal degrees, 8.1–23.4), with the longitude; optional.',
      longitude: 'Longitude (decimal degrees, 102.1–117.9), with the latitude; optional.',
      managerName: "Manager's full name, kept in the audit log.",
      managerEmail:
        "The manager's email: a new cooperative's manager is invited to create their account at this address (if you choose so). Must not have an account already.",
      phone: "The cooperative's contact phone, shown on its public page.",
    },
  },
  template: {
    heading: '1. Download a template',
    lead: 'The template has the header row and one example row that imports as it is. Keep the column headers (Vietnamese or English); the order of the columns does not matter.',
    csv: 'CSV template',
    xlsx: 'Excel template (XLSX)',
  },
  columns: {
    heading: 'Columns',
    caption: 'The columns of a product import file',
    header: 'Column header',
    required: 'Required',
    yes: 'Yes',
    no: 'No',
    example: 'Example',
    description: 'Notes',
    fields: {
      nameVi:
        'Vietnamese name, 2–200 characters. A row matches the product with the same GTIN, else the same own product code, else the same name.',
      nameEn: 'English name, optional.',
      ocopGroup: 'One of the six OCOP groups, as the portal names them (e.g. “Food”, “Beverages”).',
      provinceCode: 'The province’s name (marks optional) or its two-digit statistics office code.',
      commune:
        'The commune, ward or special zone of the given province where the product is made (as listed since 1 July 2025; marks optional).',
      gtin: 'An 8, 12, 13 or 14-digit GTIN barcode; its check digit is verified.',
      sku: 'The code your cooperative gives the product in its own books (1–40 characters: Latin letters, digits, - _ . /), e.g. MOHN-500; one per product. Optional; only your cooperative sees it.',
      priceVnd: 'A whole number, written 150.000 or 150000. Empty when the price is on request.',
      unitVi: 'The unit sold, in Vietnamese, e.g. “hộp 500 g”.',
      unitEn: 'The unit in English, optional.',
      minOrder: 'The fewest units per order; empty means 1.',
      descriptionVi: 'Description in Vietnamese, up to 5,000 characters.',
      descriptionEn: 'Description in English, optional.',
      seasonVi: 'Season in Vietnamese, optional.',
      seasonEn: 'Season in English, optional.',
      originFormerly: 'The traditional place name from before 2025, when the product carries it.',
    },
    rules:
      'A cell must not start with =, +, -, @ (a spreadsheet formula) or contain HTML tags. CSV files must be saved as UTF-8 (in Excel: “CSV UTF-8”), separated by commas or semicolons.',
  },
  upload: {
    heading: '2. Upload the file to check it',
    file: 'CSV or XLSX file',
    fileHint: 'At most {megabytes} MB and {rows} rows. Nothing is written until you press Import.',
    submit: 'Check the file',
  },
  preview: {
    heading: 'Check result: {file}',
    countsCaption: 'Rows by result',
    actions: {
      create: 'Created',
      update: 'Updated',
      unchanged: 'Unchanged',
      refused: 'Refused',
    },
    issuesCaption: 'Refused rows and why',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    message: 'Reason',
    moreIssues: 'And {count} more problems: download the refused rows to see them all.',
    noIssues: 'Every row is valid.',
    downloadRefused: 'Download the refused rows (CSV)',
  },
  run: {
    heading: '3. Import',
    mode: 'When some rows are refused',
    modeAll: 'Import nothing (all rows or none)',
    modeValid: 'Import the valid rows only',
    submit: 'Import',
    nothingToDo: 'No row needs writing: this file has been imported already.',
    invite: "Invite each new cooperative's manager by email",
    another: 'Import another file',
    continue: 'Continue the import',
  },
  status: {
    heading: 'Import: {file}',
    previewed: 'Checked, not imported yet',
    running: 'Importing: {done} of {total} rows',
    done: 'Import finished',
    failed:
      'The import stopped part way, after {done} of {total} rows. Press “Continue the import” to go on from where it stopped: rows already written are not written again.',
    interrupted:
      'The import stopped after {done} of {total} rows and has made no progress for more than {minutes} minutes. Press “Continue the import” to go on from where it stopped: rows already written are not written again.',
    progress: 'Import progress',
    refresh: 'Reload the page to see the progress',
  },
  rowColumn: 'Row',
  reasonColumn: 'Reason',
};
