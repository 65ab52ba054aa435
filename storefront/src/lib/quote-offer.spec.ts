import { describe, expect, it } from 'vitest';
import { offerInput, onRows, readOfferForm } from './quote-offer.ts';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('the consultant’s offer form', () => {
  it('reads each kept row, prices in euros the French or English way, and the added product', () => {
    const read = readOfferForm(
      form([
        ['line', 'boite-kraft'],
        ['quantity:boite-kraft', '60 000'],
        ['price:boite-kraft', '90,50'],
        ['line', 'savon'],
        ['quantity:savon', '2000'],
        ['price:savon', '10'],
        ['remove:savon', 'on'],
        ['product:+', ' sac-kraft '],
        ['quantity:+', '1000'],
        ['price:+', '12.5'],
        ['validUntil', '2027-01-04'],
        ['comment', 'Prix ferme.'],
      ]),
    );
    expect(offerInput(read)).toEqual({
      offer: {
        lines: [
          { product: 'boite-kraft', quantity: 60_000, pricePer1000Cents: 9050 },
          { product: 'sac-kraft', quantity: 1000, pricePer1000Cents: 1250 },
        ],
        validUntil: '2027-01-04',
        comment: 'Prix ferme.',
      },
      unreadable: {},
      keys: ['boite-kraft', '+'],
    });
  });

  it('names what it cannot read on its row, and leaves an empty added row, day and comment out', () => {
    const read = readOfferForm(form([['line', 'boite-kraft'], ['quantity:boite-kraft', '1,5'], ['price:boite-kraft', 'douze'], ['validUntil', ''], ['comment', '  ']]));
    const { offer, unreadable } = offerInput(read);
    expect(offer).toEqual({ lines: [{ product: 'boite-kraft', quantity: undefined, pricePer1000Cents: undefined }] });
    expect(unreadable).toEqual({ 'quantity:boite-kraft': 'quantity', 'price:boite-kraft': 'price' });
  });

  it('places the refusals of line i on its row; the list as a whole above the form', () => {
    expect(onRows({ 'lines.1.pricePer1000Cents': 'Too low', 'lines.0.quantity': 'Wrong step', 'lines.1.product': 'Unknown', lines: 'At least one line', validUntil: 'Past' }, ['boite-kraft', '+'])).toEqual({
      'price:+': 'Too low',
      'quantity:boite-kraft': 'Wrong step',
      'product:+': 'Unknown',
      _: 'At least one line',
      validUntil: 'Past',
    });
  });
});
