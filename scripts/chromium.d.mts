export declare const CHROMIUM_FLAGS: readonly string[];
export declare const WEBGPU_FLAG: string;
export declare function findChromium(): string | null;
