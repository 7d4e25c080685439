import { z } from 'zod';
import type { RawCell } from './raw-sheet.js';
import { rowError, type Table } from './table.js';

export type CellSchemas = Record<string, z.ZodType<unknown, RawCell>>;
export type ParsedRow<S extends CellSchemas> = { [K in keyof S]: z.output<S[K]> };

export interface ParsedTableRow<S extends CellSchemas> {
  rowNumber: number;
  /** The cells that parsed; a failed cell is absent, so row rules do not judge it twice. */
  value: Partial<ParsedRow<S>>;
  /** Every cell parsed: the complete row. */
  complete: ParsedRow<S> | null;
  errors: string[];
}

// Per parse, so a message zod writes itself (every cell schema has its own) would be Japanese too.
const japanese = z.locales.ja().localeError;

/** Parses every cell of every row, one error per cell, so all of a sheet's problems come back at once. */
export function parseRows<S extends CellSchemas>(
  sheet: string,
  table: Table,
  schemas: S,
): ParsedTableRow<S>[] {
  return table.rows.map((row) => {
    const value: Record<string, unknown> = {};
    const errors: string[] = [];
    let failed = false;
    for (const [column, schema] of Object.entries(schemas)) {
      const result = schema.safeParse(row.cells[column] ?? null, { error: japanese });
      if (result.success) value[column] = result.data;
      else {
        failed = true;
        // A missing required column is reported once on the header, not on every row.
        if (!table.missingColumns.has(column)) {
          errors.push(rowError(sheet, row.rowNumber, column, result.error.issues[0]?.message ?? ''));
        }
      }
    }
    const typed = value as Partial<ParsedRow<S>>;
    return {
      rowNumber: row.rowNumber,
      value: typed,
      complete: failed ? null : (typed as ParsedRow<S>),
      errors,
    };
  });
}
