import type { z } from "zod";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Optional, default, pipe, array: down to the schema that says what one value may be. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) {
      s = def.innerType;
    } else if (def.type === "pipe" && def.in) s = def.in;
    else if (def.type === "array" && def.element) s = def.element;
    else return s;
  }
}

/**
 * The schema at a form field's dotted path (`questions.0.question`: list indexes are
 * skipped), or undefined when the path leads nowhere.
 */
export function schemaAt(root: z.ZodType, path: string): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const part of path.split(".")) {
    if (/^\d+$/.test(part)) continue;
    // In a union (a challenge is a string or `{ text, skill }`), the option that has the field.
    const options: z.ZodType[] = s ? (defOf(s).options ?? [s]) : [];
    const shape = options.map((o) => defOf(unwrap(o)).shape).find((sh): sh is Def["shape"] => !!sh?.[part]);
    s = shape?.[part] ? unwrap(shape[part]) : undefined;
    if (!s) return undefined;
  }
  return s;
}

/** The longest text the schema accepts at a path, for the control's `maxlength`. */
export function maxLengthAt(root: z.ZodType, path: string): number | undefined {
  const s = schemaAt(root, path);
  const max = s ? (s as unknown as { maxLength?: number | null }).maxLength : undefined;
  return typeof max === "number" ? max : undefined;
}
