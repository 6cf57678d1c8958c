import { OutboxDelivery1795374158033 } from "./1795374158033-OutboxDelivery";
import { Initial1795368864286 } from "./1795368864286-Initial";

export const MIGRATIONS: Function[] = [Initial1795368864286, OutboxDelivery1795374158033];
