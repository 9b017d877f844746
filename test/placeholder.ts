// An empty module: the test package's TypeScript project always has a file of its own to check.
export {};
