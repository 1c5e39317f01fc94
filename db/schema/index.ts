// The whole record, one module per aggregate.
export * from "./columns";
export * from "./reference";
export * from "./subpoenas";
export * from "./cases";
export * from "./docket";
export * from "./motions";
export * from "./events";
export * from "./doctrine";
export * from "./sources";
export * from "./staff";
export * from "./imports";
export * from "./jobs";
export * from "./guard";
export * from "./alerts";
export * from "./watching";
