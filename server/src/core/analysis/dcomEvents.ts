/**
 * Reads the DCOM hardening events (10036 on the machine that refused an activation; 10037/10038 on the
 * machine whose activation was below packet integrity) into named fields.
 *
 * Real 10036 exports name their data (`Domain Name`, `User Name`, `SID`, `Client IP Address`); no
 * real 10037/10038 export has been seen, and older DCOM events use `param1…`, so fields are taken by
 * position, with known names preferred when present (Microsoft Learn, DCOM hardening article; the
 * Microsoft-Windows-DistributedCOM manifest).
 */
import type { EventDataItem, Field, WindowsEvent } from '../model';

export const DCOM_HARDENING_EVENT_IDS: ReadonlySet<number> = new Set([10036, 10037, 10038]);

export interface ServerRejectionDetails {
  readonly eventId: 10036;
  readonly domain: Field | null;
  readonly user: Field | null;
  readonly sid: Field | null;
  readonly clientAddress: Field | null;
}

export interface ClientActivationDetails {
  readonly eventId: 10037 | 10038;
  readonly application: Field | null;
  readonly processId: Field | null;
  readonly clsid: Field | null;
  readonly computer: Field | null;
  readonly authenticationLevel: Field | null;
}

export type DcomHardeningDetails = ServerRejectionDetails | ClientActivationDetails;

/** True for an event written by the DCOM provider (or one that names no provider at all). */
export function isDistributedComEvent(event: WindowsEvent): boolean {
  const provider = event.provider?.value ?? '';
  const source = event.eventSourceName?.value ?? '';
  if (!provider && !source) return true;
  return /DistributedCOM/i.test(provider) || /^(?:DCOM|DistributedCOM)$/i.test(source);
}

export function readDcomHardeningDetails(event: WindowsEvent): DcomHardeningDetails | null {
  const id = event.eventId;
  if (id === null || !DCOM_HARDENING_EVENT_IDS.has(id) || !isDistributedComEvent(event)) return null;
  const pick = dataPicker(event.data);
  if (id === 10036) {
    return {
      eventId: 10036,
      domain: pick(0, /^domain\s*name$|^domainname$/i),
      user: pick(1, /^user\s*name$|^username$/i),
      sid: pick(2, /^sid$|^user\s*sid$/i),
      clientAddress: pick(3, /^client\s*ip\s*address$|^clientipaddress$|^address$/i),
    };
  }
  return {
    eventId: id === 10037 ? 10037 : 10038,
    application: pick(0, /^application\s*(?:name|path)?$|^applicationname$/i),
    processId: pick(1, /^(?:application\s*)?pid$|^process\s*id$/i),
    clsid: pick(2, /^clsid$/i),
    computer: pick(3, /^computer\s*name$|^computername$|^computer$/i),
    authenticationLevel: pick(4, /authentication\s*level|authenticationlevel/i),
  };
}

/** A field by known name when the data carries one, else by position (1st `<Data>` = %1). */
function dataPicker(data: readonly EventDataItem[]): (index: number, name: RegExp) => Field | null {
  return (index, name) => {
    const named = data.find((d) => d.name !== null && name.test(d.name.value.trim()));
    if (named) return named.value;
    return data[index]?.value ?? null;
  };
}
