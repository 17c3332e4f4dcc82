// The check fetchJson runs on what the network returns. A module of its own, imported
// on demand with the schema: valibot's functions are named here, so the bundle keeps
// only those (a dynamic import of 'valibot' itself would keep all of it).
import { flatten, type GenericSchema, type InferOutput, safeParse } from 'valibot';

export type ContentCheck<TSchema extends GenericSchema> =
  | { ok: true; value: InferOutput<TSchema> }
  | { ok: false; problems: ReturnType<typeof flatten> };

export function checkContent<TSchema extends GenericSchema>(
  schema: TSchema,
  data: unknown,
): ContentCheck<TSchema> {
  const result = safeParse(schema, data);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problems: flatten(result.issues) };
}
