/** Where "now" comes from: the system clock in the app, a fixed one in tests. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
