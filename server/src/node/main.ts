/**
 * Node entry of the language server: `node dist/server.js --stdio` (any LSP client) or the IPC
 * transport VS Code's client chooses. The transport comes from the command line, as
 * vscode-languageserver reads it.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { diagnoseFiles } from './evidence';

startServer(createConnection(ProposedFeatures.all), { diagnoseFiles });
