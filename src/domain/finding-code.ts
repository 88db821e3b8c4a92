// A finding's code in a report and in the panel: "#1", "#2"... in journey order. Criterion ids are a
// letter and a number (M1, I3, F1...), so a finding numbered "F1" sat beside criterion "F1 Guest
// checkout" and read as the same thing; "#" never starts a criterion id. Codes are derived, never
// stored, so audits made before this scheme simply show the new codes.

/** The code of the `n`th finding (1-based). */
export const findingCode = (n: number): string => `#${n}`;
