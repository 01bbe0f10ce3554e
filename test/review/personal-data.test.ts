/**
 * Personal data is found by validated patterns: real card numbers (Luhn and an
 * issuer prefix), US SSN rules, IBAN mod-97 with the country's length, real
 * phone formats (NANP, international, national trunk 0), emails, street
 * addresses, door codes. Lookalikes (order numbers, dates, versions, years,
 * prices) are not.
 */
import { describe, expect, it } from 'vitest';
import { cardPrefixValid, ibanValid, luhnValid, ssnValid } from '../../src/review/checksums.ts';
import { detect } from '../../src/review/detect-personal-data.ts';
import { normalizeText } from '../../src/review/normalize.ts';
import type { DetectorName } from '../../src/review/rule-types.ts';

function found(name: DetectorName, text: string): string[] {
  const norm = normalizeText(text);
  return detect(name, norm.text).map((span) => text.slice(norm.starts[span.start], norm.ends[span.end - 1]));
}

describe('check digits', () => {
  it('Luhn accepts real test card numbers and refuses a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('issuer prefixes', () => {
    expect(cardPrefixValid('4111111111111111')).toBe(true);
    expect(cardPrefixValid('378282246310005')).toBe(true);
    expect(cardPrefixValid('1234567812345670')).toBe(false);
  });
  it('IBAN mod 97 and country length', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543')).toBe(false);
  });
  it('SSN rules', () => {
    expect(ssnValid('123', '45', '6789')).toBe(true);
    expect(ssnValid('000', '45', '6789')).toBe(false);
    expect(ssnValid('666', '45', '6789')).toBe(false);
    expect(ssnValid('912', '45', '6789')).toBe(false);
    expect(ssnValid('123', '00', '6789')).toBe(false);
    expect(ssnValid('123', '45', '0000')).toBe(false);
  });
});

describe('detectors find real personal data', () => {
  it.each<[DetectorName, string, string[]]>([
    ['card', 'card 4111 1111 1111 1111 exp 09/27', ['4111 1111 1111 1111']],
    ['card', 'amex 3782-822463-10005 please', ['3782-822463-10005']],
    ['card', 'pay with 5555555555554444', ['5555555555554444']],
    ['ssn', 'SSN 123-45-6789', ['123-45-6789']],
    ['ssn', 'my social security number is 123456789', ['123456789']],
    ['iban', 'IBAN GB82 WEST 1234 5698 7654 32 thanks', ['GB82 WEST 1234 5698 7654 32']],
    ['iban', 'to de89370400440532013000', ['de89370400440532013000']],
    ['phone', 'call (212) 555-0147 now', ['(212) 555-0147']],
    ['phone', 'or 212-555-0147', ['212-555-0147']],
    ['phone', 'or 212.555.0147', ['212.555.0147']],
    ['phone', 'ring +44 20 7946 0958', ['+44 20 7946 0958']],
    ['phone', 'mobile 07700 900123', ['07700 900123']],
    ['phone', 'appelle-moi au 06 12 34 56 78', ['06 12 34 56 78']],
    ['phone', 'whatsapp +49 30 1234567', ['+49 30 1234567']],
    ['phone', 'call me on 555-0147', ['555-0147']],
    ['email', 'write to jo.smith+news@mail.example.co.uk.', ['jo.smith+news@mail.example.co.uk']],
    ['street-address', 'Party at 42 Willow Lane, bring snacks', ['42 Willow Lane']],
    ['street-address', 'we live at 1600 Pennsylvania Avenue NW', ['1600 Pennsylvania Avenue']],
    ['street-address', 'chez nous, 12 rue de la Paix', ['12 rue de la Paix']],
    ['street-address', 'Hauptstraße 5 in Berlin', ['Hauptstraße 5']],
    ['door-code', 'the gate code is 1984#', ['gate code is 1984#']],
    ['door-code', 'alarm code: 4455', ['alarm code: 4455']],
    ['id-number', 'passport number X1234567 expired', ['passport number X1234567']],
    ['secret', 'password: Hunter2! for the wifi', ['password: Hunter2!']],
    ['secret', 'key sk_live_4f9a8b7c6d5e4f3a', ['sk_live_4f9a8b7c6d5e4f3a']],
  ])('%s in "%s"', (name, text, expected) => {
    expect(found(name, text)).toEqual(expected);
  });
});

describe('detectors ignore lookalikes', () => {
  it.each<[DetectorName, string]>([
    ['card', 'order 1234 5678 9012 3456 shipped'],
    ['card', 'tracking 4111 1111 1111 1112'],
    ['ssn', 'ticket 000-12-3456'],
    ['ssn', 'range 900-12-3456'],
    ['iban', 'model GB82 is discontinued'],
    ['phone', 'revenue was 2024-2025 in 3 regions'],
    ['phone', 'released 2024-05-12'],
    ['phone', 'on 12/05/2024'],
    ['phone', 'server 192.168.1.20'],
    ['phone', 'version 10.2.3'],
    ['phone', 'we raised $1,250,000'],
    ['phone', '5 000 000 users'],
    ['phone', 'room 555-0147'],
    ['email', 'ping me @sam on Slack'],
    ['email', 'meet me @ the cafe'],
    ['street-address', 'the coffee place on Elm Street'],
    ['street-address', 'in 2 years the street changed'],
    ['door-code', 'our code review has 12 steps'],
    ['secret', 'my password is too weak'],
    ['secret', 'use a password manager'],
  ])('%s: "%s"', (name, text) => {
    expect(found(name, text)).toEqual([]);
  });
});
