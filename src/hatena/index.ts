export * from './fotolife';
export * from './plugin';
export * from './renderer';
