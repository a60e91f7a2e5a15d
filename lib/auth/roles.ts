/** Panel roles (DESIGN §2). Isomorphic: the UI reads them too. */
export const roles = ["customer", "support", "admin"] as const;
export type Role = (typeof roles)[number];

/** Support and admin act for every customer and see WHM-level actions. */
export function isStaff(role: Role): boolean {
  return role === "support" || role === "admin";
}
