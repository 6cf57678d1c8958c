// Development and Plus sandbox stores (R24, R25) and reports of partners (R30).
import { Resolver } from "type-graphql";

@Resolver()
export class PartnerStoreResolver {}
