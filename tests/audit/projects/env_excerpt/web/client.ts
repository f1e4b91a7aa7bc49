const dsn = `postgres://app:${"Hunter2Swordfish"}@db.internal/app`;
const other = `mysql://root:Tr0ub4dor3xyz@localhost/db`;
export const base = "http://localhost:3000";
export { dsn, other };
