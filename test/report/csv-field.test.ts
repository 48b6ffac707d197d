// A CSV text field: quoted as RFC 4180 says, formulas neutralised, and read back as written.
import { describe, expect, it } from 'vitest';
import { csvField, csvFieldText } from '../../src/report/csv-field.ts';
import { csvFields } from '../../src/report/sweep-records.ts';

describe('csvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('puts a single quote inside quotes before text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('+33 1 23 45 67 89')).toBe(`"'+33 1 23 45 67 89"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1:A9)')).toBe(`"'@SUM(A1:A9)"`);
    expect(csvField('\tbilling')).toBe(`"'\tbilling"`);
    expect(csvField('\rbilling')).toBe(`"'\rbilling"`);
    expect(csvField('=HYPERLINK("http://x", "a, b")')).toBe(`"'=HYPERLINK(""http://x"", ""a, b"")"`);
  });

  it('leaves a text that is a plain number as it is, a negative one too', () => {
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+3631')).toBe('+3631');
    expect(csvField('-1.5e3')).toBe('-1.5e3');
  });

  it('leaves the formula characters alone after the first one', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('one-number')).toBe('one-number');
    expect(csvField("'quoted")).toBe("'quoted");
  });
});

describe('csvFieldText', () => {
  const names = ['=1+1', '+33 1 23', '-5', '-x', '@a', '\tb', "'=1+1", "''-x", "'plain", 'a,"b"', 'plain', ''];

  it('reads back every text exactly as csvField was given it', () => {
    for (const name of names) {
      expect(csvFields(csvField(name)), JSON.stringify(name)).toEqual([name]);
    }
    expect(csvFields(names.map(csvField).join(','))).toEqual(names);
  });

  it('takes off only a quote that guards a formula', () => {
    expect(csvFieldText("'=1+1")).toBe('=1+1');
    expect(csvFieldText("'plain")).toBe("'plain");
    expect(csvFieldText("''=1+1")).toBe("'=1+1");
  });
});
