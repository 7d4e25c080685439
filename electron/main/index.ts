// placeholder entry replaced by the shell work
export {};
