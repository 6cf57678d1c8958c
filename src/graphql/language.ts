// The request's language for its top-level errors: a coded error carries its message as data
// (`extensions.i18n`, src/domain/errors.ts). formatError (which knows no request) takes it off the
// error it formats and remembers it for that formatted error (`described`); before the answer
// leaves, this plugin renders it in the request's language. Codes and `extensions.rule` stay; an
// error formatted outside a request (the context could not be built) stays in English.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { DEFAULT_LOCALE, isMessage, translate, type Locale, type Message } from "../i18n";
import type { RequestContext } from "./context";

export const I18N_EXTENSION = "i18n";

const descriptors = new WeakMap<GraphQLFormattedError, Message>();

/** A formatted error that says `message`, remembered for the plugin to render (never sent as data). */
export function described(error: GraphQLFormattedError, message: unknown): GraphQLFormattedError {
  if (isMessage(message)) descriptors.set(error, message);
  return error;
}

/** A formatted error in a language: its message rendered from its descriptor. */
export function localizeError(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  const descriptor = descriptors.get(error);
  return descriptor ? { ...error, message: translate(locale, descriptor) } : error;
}

export const localizeErrors = (errors: readonly GraphQLFormattedError[], locale: Locale = DEFAULT_LOCALE) =>
  errors.map((e) => localizeError(e, locale));

export function languagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart({ contextValue }) {
      return Promise.resolve({
        willSendResponse({ response }) {
          const locale = contextValue.locale ?? DEFAULT_LOCALE;
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            if (result.errors) result.errors = localizeErrors(result.errors, locale);
          } else {
            const result = response.body.initialResult;
            if (result.errors) result.errors = localizeErrors(result.errors, locale);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
