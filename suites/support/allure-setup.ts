/**
 * The suites' setup file: Allure's vitest runtime, in a run that keeps what checks tell Allure (provide:
 * allureResults, unset or true). Its setup also wraps every expect() matcher of every check as an Allure step (the
 * actual value formatted into the step's name, two messages in the test's meta): in a run that writes no Allure
 * results that was work, postMessage traffic and main-thread memory for nothing, and the checks label nothing then
 * (suites/support/check.ts).
 */
import { inject } from 'vitest';

if (inject('allureResults') !== false) await import('allure-vitest/setup');
