// A structure's settings (settings.json in the static build), declared once: the type of the file,
// its runtime check and public/settings.schema.json (npm run schemas) come from here. That the
// default questionnaire exists and offers the languages listed is the core's check (settings.ts).
import * as v from 'valibot';
import { languageCode, list, number, oneOfValues, optionalKeys, text } from './kit.ts';

/** Modes a device may offer: the kiosk self-test, and the professional space's two. */
export const SESSION_MODES = ['kiosk', 'interview', 'workshop'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
/** Bounds of the idle delay, in seconds: long enough to read a question, short enough to forget. */
export const IDLE_SECONDS_RANGE = { min: 15, max: 3600 } as const;
/** Bounds of the professional space's idle lock, in minutes: at least one, at most a half-day's meeting. */
export const PRO_IDLE_MINUTES_RANGE = { min: 1, max: 240 } as const;

export const settingsFormat = v.pipe(
  optionalKeys({
    $schema: v.optional(v.string()),
    structure: v.optional(v.pipe(text(), v.description('The structure\'s name, shown on every screen (e.g. "France Services de Montreuil").'))),
    languages: v.optional(v.pipe(list(languageCode(), { min: 1 }), v.description("Languages offered on the start screen, in order; the first is the default. Each must be a language of the questionnaire. Omitted: all of the questionnaire's, its default first."))),
    idleSeconds: v.optional(v.pipe(number(IDLE_SECONDS_RANGE.min, IDLE_SECONDS_RANGE.max), v.description('Seconds without a touch or a key before the kiosk asks "are you still there?".'))),
    modes: v.optional(v.pipe(list(oneOfValues(SESSION_MODES, 'settings.mode'), { min: 1 }), v.description('What the device offers: kiosk (the self-test); interview and workshop show the professional space.'))),
    proIdleMinutes: v.optional(v.pipe(number(PRO_IDLE_MINUTES_RANGE.min, PRO_IDLE_MINUTES_RANGE.max), v.description('Minutes without a touch or a key before the professional space locks itself.'))),
    questionnaires: v.optional(
      v.pipe(
        list(text(), { min: 1 }),
        v.description("The questionnaires offered, in order (folders of questionnaires/). With more than one, the kiosk's start screen shows each one's title and intro to choose from and the professional chooses per diagnostic. defaultQuestionnaire, when given and not listed, is offered first; omitted, the first listed is the default."),
      ),
    ),
    defaultQuestionnaire: v.optional(v.pipe(text(), v.description('The id of the questionnaire a kiosk runs (a folder of questionnaires/).'))),
    syncUrl: v.optional(
      v.pipe(text(), v.description("A team's CouchDB database for the professional space's sync (docs/couchdb.md), in https, e.g. \"https://couchdb.example.org/equipe-ccas\". Credentials are typed by the professional, never written here.")),
    ),
    observatoryUrl: v.optional(
      v.pipe(text(), v.description('The territory observatory\'s depot (docs/couchdb.md#the-territory-observatory), in https, e.g. "https://couchdb.example.org/depot/territoire": a kiosk sends its anonymous weekly tallies there (PUT only, no account). Omitted: a kiosk sends nothing anywhere.')),
    ),
    observatoryId: v.optional(
      v.pipe(text(), v.description('The name the territory observatory knows this structure by (e.g. "ccas-93048"), 120 characters at most. Omitted: the structure\'s name.')),
    ),
    territoryUrl: v.optional(
      v.pipe(text(), v.description('The territory\'s CouchDB database a coordinator reads in the professional space\'s observatory (docs/couchdb.md#the-territory-observatory), e.g. "https://couchdb.example.org/territoire". The coordinator\'s account is typed in the app, never written here.')),
    ),
  }),
  v.title('Repères settings'),
  v.description("A structure's settings (settings.json beside index.html), edited without rebuilding. Every key is optional: an omitted key takes its default."),
);

/** settings.json as a structure writes it: every key optional. */
export type SettingsFile = v.InferOutput<typeof settingsFormat>;
/** Keys without a default: a device without them simply has no such server. */
type WithoutDefault = 'syncUrl' | 'observatoryUrl' | 'observatoryId' | 'territoryUrl';
/** The settings the app runs with: the file's keys, each with its value or its default (the servers only when given). */
export type Settings = { -readonly [K in Exclude<keyof SettingsFile, '$schema' | WithoutDefault>]-?: NonNullable<SettingsFile[K]> } & { -readonly [K in WithoutDefault]?: string };
