import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/route-access';
import { docsPage } from './docs-page';
import { openApiDocument } from './openapi-document';

const API_VERSION = '0.1.0';

/** The OpenAPI document (JSON) and a page listing the routes; both built once, from the codecs. */
@Controller('docs')
@Public()
export class DocsController {
  private readonly document = openApiDocument(API_VERSION);
  private readonly page = docsPage(this.document);

  @Get()
  openApi(): unknown {
    return this.document;
  }

  @Get('html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  html(): string {
    return this.page;
  }
}
