// The server's custom protocol as the client sees it: one shared module, so both sides compile against the same types.
export * from '../../core/src/language/protocol';
