/** What a layer configuration may hold: it is written into `model.json` as is. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A layer's constructor options in serializable form; `new LayerClass(config)` rebuilds the layer. */
export type LayerConfig = { [key: string]: JsonValue };
