// Bad input found by the command line itself (as opposed to a scenario file): exit code 2.
export class InputError extends Error {}
