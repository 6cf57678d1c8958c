import { Initial1795368864286 } from "./1795368864286-Initial";

export const MIGRATIONS: Function[] = [Initial1795368864286];
