import { PartnerSideAndAccountSecurity1795368572702 } from "./1795368572702-PartnerSideAndAccountSecurity";
import { Initial1795367656338 } from "./1795367656338-Initial";

export const MIGRATIONS: Function[] = [Initial1795367656338, PartnerSideAndAccountSecurity1795368572702];
