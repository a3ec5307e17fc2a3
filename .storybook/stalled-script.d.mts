import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const STALLED_SCRIPT_PATH: string;
export declare function stalledScript(req: IncomingMessage, res: ServerResponse, next?: () => void): boolean;
