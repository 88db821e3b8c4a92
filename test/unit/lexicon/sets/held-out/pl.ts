// Held-out Polish notes: written and labelled after the lexicon, never used to tune it.
import type { LabelledSet } from '../types.ts';

export const PL_HELD_OUT: LabelledSet = {
  lang: 'pl',
  sentences: [
    ['Wyniki wyszukiwania były od czapy, strasznie mnie to wkurzyło.', ['irritated']],
    ['Wszystko poszło gładko od początku do końca.', ['pleased']],
    ['Kurier zadzwonił wcześniej, to było miłe.', ['pleased']],
    ['Filtry ciągle się resetują, to irytujące.', ['irritated']],
    ['Strona produktu niczym się nie wyróżnia.', []],
    ['Denerwowałam się, wpisując dane karty.', ['stressed']],
    ['Konsultant długo nie odpisywał, a potem zamknął czat.', ['neglected']],
    ['Piękne opakowanie, poczułam się rozpieszczona.', ['indulgent']],
    ['Podpowiadanie adresu nie zadziałało, musiałem wpisać wszystko ręcznie.', ['frustrated']],
    ['Nie do końca jasne, który termin dostawy jest wybrany.', ['frustrated']],
    ['Płatność przeszła bez żadnych problemów.', ['pleased']],
    ['Rekomendacje okazały się zaskakująco ciekawe.', ['interested']],
    ['Byłem zawiedziony, że kod rabatowy nie zadziałał.', ['disappointed']],
    ['Przeglądałem katalog przez chwilę.', ['exploratory']],
    ['Sklep budzi zaufanie, zasady zwrotów są jasne.', ['trusting', 'focused']],
    ['Otworzyłem tabelę rozmiarów.', []],
    ['Zbyt nachalnie wciskają dodatkowe produkty.', ['irritated']],
    ['Pasek postępu pomógł mi się skupić.', ['focused']],
    ['Dostawą wcale nie jestem rozczarowany.', []],
    ['Mój rozmiar się wyprzedał, kiedy wszystko wypełniłem, szkoda.', ['disappointed']],
    ['Strona śledzenia przesyłki jest bezużyteczna, nic nie pokazuje.', ['frustrated']],
    ['Szybka dostawa i przyjazny kierowca.', ['pleased', 'cared-for']],
    ['Licznik rezerwacji mnie poganiał.', ['hurried']],
    ['W centrum pomocy odpowiedzieli na moje pytanie, czułem się zaopiekowany.', ['cared-for']],
    ['Układ koszyka jest mylący, a przyciski malutkie.', ['frustrated']],
  ],
};
