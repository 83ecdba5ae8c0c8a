import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../electron/services/audit-export/csv.ts';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1-555-0100', "'+1-555-0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises %j so a spreadsheet shows it as text', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves ordinary text, numbers and empty values alone, and quotes separators', () => {
    expect(csvLine(['invoice.paid', 42, null, -7, 'a,b', 'say "hi"', 'two\nlines'])).toBe('invoice.paid,42,,-7,"a,b","say ""hi""","two\nlines"');
  });
});
