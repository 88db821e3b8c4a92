// Fresh Polish notes: written after the held-out round and measured once; no cue was added for them.
import type { LabelledSet } from '../types.ts';

export const PL_FRESH: LabelledSet = {
  lang: 'pl',
  sentences: [
    ['Logowanie e-mailem udało się dopiero za trzecim razem, wkurzające.', ['irritated']],
    ['Etykieta zwrotna wydrukowała się od razu, prosto i wygodnie.', ['pleased']],
    ['Opinie ze zdjęciami zaciekawiły mnie innymi kolorami.', ['interested']],
    ['Czekałem w kolejce na czacie 25 minut i nikt się nie odezwał.', ['neglected']],
    ['Instrukcje odbioru w sklepie są mętne.', ['frustrated']],
    ['Dodałem dwa produkty do koszyka.', []],
    ['W paczce była kartka z podziękowaniem, poczułem się doceniony.', ['valued']],
    ['Wymagania dotyczące hasła nie były wyjaśnione, ciągle robiłem błąd.', ['frustrated']],
    ['Czułam niepokój, gdy strona przeładowała się podczas płatności.', ['stressed']],
    ['Aplikacja jest ładnie zaprojektowana i zabawna w użyciu.', ['stimulated']],
    ['Opakowanie mnie nie zachwyciło.', ['unsatisfied']],
    ['Baner wyprzedaży naciskał, żeby szybko zdecydować.', ['hurried']],
    ['Oznaczenia bezpiecznej płatności bardzo uspokajają.', ['safe']],
    ['Koszt dostawy pojawił się dopiero na końcu, to wprowadza w błąd.', ['disappointed']],
    ['Ani razu nie czułem pośpiechu.', []],
  ],
};
