import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { csvRecords, type ViewTable } from '@coachline/projections';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ApiException } from './api-error';
import type { ApiRequest } from './api-request';

const CSV_ANSWER = 'coachline:csv-answer';
const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';

/** How a route's answer reads as CSV: the file's name (without `.csv`) and its table, both given the request. */
interface CsvAnswer {
  readonly name: (request: ApiRequest) => string;
  readonly table: (answer: unknown, request: ApiRequest) => ViewTable;
}

/**
 * The route also answers `Accept: text/csv`, with the table `table` makes of the answer it would
 * send as JSON (after the reader's redactions), in a file called `<name>.csv`. `name` is a word
 * of the API's own (a view's name), never text the reader sent unchecked.
 */
export const AnswersCsv = <Answer>(
  name: string | ((request: ApiRequest) => string),
  table: (answer: Answer, request: ApiRequest) => ViewTable,
) =>
  SetMetadata<string, CsvAnswer>(CSV_ANSWER, {
    name: typeof name === 'string' ? () => name : name,
    // The route's handler gives the answer its table is written for.
    table: table as CsvAnswer['table'],
  });

const notAcceptable = () =>
  new ApiException(406, {
    code: 'not-acceptable',
    message: 'This route answers application/json only; send Accept: application/json or */*.',
    errors: [{ path: 'headers.accept', message: 'only application/json is offered here' }],
  });

/** A file name cut to letters, digits and dashes, whatever a route's name function gives. */
const fileNameOf = (name: string): string => `${name.replace(/[^A-Za-z0-9-]/g, '') || 'answer'}.csv`;

/**
 * Answers CSV on a route marked with `AnswersCsv` when the request prefers it (express's
 * negotiation: quality values and wildcards; a request without Accept, or taking any type, gets
 * JSON). A read route without a table refuses a reader who takes CSV and not JSON (406) rather
 * than send what they cannot read. Refusals are thrown before or instead of the answer, so they
 * stay JSON.
 */
@Injectable()
export class CsvAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const csv = this.reflector.get<CsvAnswer | undefined>(CSV_ANSWER, context.getHandler());
    if (csv === undefined) {
      if (request.method === 'GET' && !request.accepts(JSON_TYPE) && request.accepts(CSV_TYPE)) throw notAcceptable();
      return next.handle();
    }
    response.vary('Accept');
    if (request.accepts([JSON_TYPE, CSV_TYPE]) !== CSV_TYPE) return next.handle();
    return next.handle().pipe(
      map((answer: unknown) => {
        const text = stringify(csvRecords(csv.table(answer, request)));
        response.setHeader('Content-Type', `${CSV_TYPE}; charset=utf-8`);
        response.setHeader('Content-Disposition', `attachment; filename="${fileNameOf(csv.name(request))}"`);
        return text;
      }),
    );
  }
}
