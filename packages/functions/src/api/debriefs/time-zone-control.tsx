import { LabelledControl } from "../web/controls";
import { ALL_ZONE_GROUPS, SHORT_ZONE_GROUPS, type ZoneGroup, zoneLabel } from "./time-zones";

function ZoneOptions({ groups, value }: { groups: readonly ZoneGroup[]; value: string }) {
  return (
    <>
      {groups.map((g) => (
        <optgroup label={g.label} data-region={g.region}>
          {g.zones.map((z) => (
            <option value={z} selected={z === value}>
              {zoneLabel(z)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * A time zone. Without scripts: one select of every zone grouped by region, inside `<noscript>`,
 * so a browser that runs scripts never builds its 400-odd options. With scripts: a select of the
 * short list, which the script names and wires (it has no name, id or aria-invalid until then, so it
 * is never sent, labelled or reported twice), with the detected zone filled in (`detect`) and the
 * candidate's region first, and a "Search all time zones" button that builds the full list only
 * when pressed.
 */
export function TimeZoneControl({
  id,
  name,
  value,
  detect,
  label,
  hint,
  error,
  required,
}: {
  id: string;
  name: string;
  value: string;
  /** The candidate's own zone: detected by the browser; otherwise blank means "the same as yours". */
  detect?: boolean;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}) {
  const blank = detect ? "Choose your time zone" : "Same as yours";
  const known = SHORT_ZONE_GROUPS.some((g) => g.zones.includes(value));
  return (
    <LabelledControl
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(aria) => (
        <>
          <noscript>
            <select {...aria} name={name}>
              <option value="">{blank}</option>
              <ZoneOptions groups={ALL_ZONE_GROUPS} value={value} />
            </select>
          </noscript>
          <div class="tz-picker" data-time-zone={detect ? "detect" : "other"}>
            <select
              data-id={aria.id}
              data-name={name}
              data-invalid={aria["aria-invalid"]}
              aria-describedby={aria["aria-describedby"]}
            >
              <option value="">{blank}</option>
              {value && !known ? (
                <option value={value} selected>
                  {value}
                </option>
              ) : null}
              <ZoneOptions groups={SHORT_ZONE_GROUPS} value={value} />
            </select>
            <button
              type="button"
              class="secondary tz-search-toggle"
              aria-expanded="false"
              aria-controls={`${id}-search`}
            >
              Search all time zones
            </button>
            <div class="tz-search" id={`${id}-search`} hidden>
              <label for={`${id}-find`}>Type a city or region</label>
              <input type="search" id={`${id}-find`} autocomplete="off" spellcheck={false} />
            </div>
          </div>
        </>
      )}
    />
  );
}
