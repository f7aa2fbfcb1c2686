// Money is kept in cents everywhere in the workspace.
export const cents = (amount) => Math.round(amount * 100);
