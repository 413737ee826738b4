// Starts Decap CMS on goalsite's admin page: reads the configuration goalsite
// made for this site (config.yml, written as JSON), fills in the Swedish
// interface strings Decap lacks, registers goalsite's file formats
// (goalsite-format.js), then starts Decap with that configuration.
// Loaded before decap-cms.js, so that Decap waits to be started.
(function () {
  'use strict';
  window.CMS_MANUAL_INIT = true;

  // decap-cms-locales 3.8.2's Swedish lacks these (Decap shows them in English otherwise).
  var SWEDISH = {
    auth: { loginWithForgejo: 'Logga in med Forgejo' },
    collection: {
      collectionTop: { viewAsList: 'Visa som lista', viewAsGrid: 'Visa som rutnät' },
      entries: { unpublishedHeader: 'Opublicerade inlägg' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'fältet %{widgetLabel}' } },
      editorControlPane: {
        i18n: {
          copyFromLocale: 'Fyll i från ett annat språk',
          copyFromLocaleConfirm: 'Vill du fylla i med innehållet på %{locale}?\nAllt som redan står här skrivs över.',
        },
      },
      editorInterface: { toggleNotes: 'Visa eller dölj anteckningar' },
      editorNotesPane: {
        title: 'Anteckningar',
        emptyState: 'Inga anteckningar än. Skriv den första nedan.',
        addNote: 'Lägg till anteckning',
        addPlaceholder: 'Skriv en anteckning …',
        editPlaceholder: 'Ändra anteckningen …',
        save: 'Spara',
        cancel: 'Avbryt',
        edit: 'Ändra',
        delete: 'Ta bort',
        resolve: 'Markera som klar',
        unresolve: 'Markera som ej klar',
        confirmDelete: 'Vill du ta bort anteckningen?',
        shortcut: 'Tips: Ctrl+Enter lägger till anteckningen',
      },
      editorToolbar: {
        statusInfoTooltipDraft: 'Inlägget är ett utkast. Sätt statusen till ”Under granskning” när det ska granskas.',
        statusInfoTooltipInReview: 'Inlägget granskas. Du behöver inte göra något mer, men du kan fortfarande ändra i det.',
      },
      editorWidgets: {
        markdown: {
          strikethrough: 'Genomstruken',
          toggleMode: { rich: 'Byt till formaterad text', markdown: 'Byt till Markdown' },
        },
        image: { chooseMultiple: 'Välj bilder', addMore: 'Lägg till fler bilder', removeAll: 'Ta bort alla bilder' },
        file: { chooseMultiple: 'Välj filer', addMore: 'Lägg till fler filer', removeAll: 'Ta bort alla filer' },
        datetime: { setToNow: 'Sätt %{fieldLabel} till nu' },
        list: { add: 'Lägg till %{item}', addType: 'Lägg till %{item}' },
        object: { expand: 'Visa', collapse: 'Dölj' },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: 'Stäng' } },
    ui: {
      settingsDropdown: { account: 'Kontomeny' },
      toast: {
        noteAdded: 'Anteckningen har lagts till',
        onFailToAddNote: 'Anteckningen kunde inte läggas till: %{details}',
        noteUpdated: 'Anteckningen har ändrats',
        onFailToUpdateNote: 'Anteckningen kunde inte ändras: %{details}',
        noteDeleted: 'Anteckningen har tagits bort',
        onFailToDeleteNote: 'Anteckningen kunde inte tas bort: %{details}',
        noteResolved: 'Anteckningen är markerad som klar',
        noteReopened: 'Anteckningen är öppnad igen',
        onFailToToggleNote: 'Anteckningens status kunde inte ändras: %{details}',
      },
    },
  };

  // `extra`'s strings added to `phrases` where it has none.
  function fillIn(phrases, extra) {
    Object.keys(extra).forEach(function (key) {
      if (typeof extra[key] === 'object') {
        phrases[key] = phrases[key] || {};
        fillIn(phrases[key], extra[key]);
      } else if (phrases[key] === undefined) {
        phrases[key] = extra[key];
      }
    });
  }

  function failed(error) {
    var notice = document.getElementById('goalsite-cms-failed');
    if (notice) notice.hidden = false;
    if (window.console) console.error(error);
  }

  function start() {
    var CMS = window.CMS;
    fetch('config.yml', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('config.yml: ' + response.status);
        return response.json();
      })
      .then(function (config) {
        var goalsite = config.goalsite || {};
        delete config.goalsite;
        if (config.locale === 'sv') {
          var sv = CMS.getLocale('sv') || {};
          fillIn(sv, SWEDISH);
          CMS.registerLocale('sv', sv);
        }
        window.goalsiteFormat.register(CMS, config, goalsite.languages || [], goalsite.markdown || []);
        config.load_config_file = false;
        CMS.init({ config: config });
      })
      .catch(failed);
  }

  document.addEventListener('DOMContentLoaded', start);
})();
