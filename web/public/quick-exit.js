/*
 * Quick exit: hide the page, forget the conversation, and replace this history entry with a
 * neutral site, so Back does not return to the chat.
 */
(function () {
  'use strict';

  // Keys rasa-webchat writes; on a partner's page only these are removed.
  var WIDGET_KEYS = ['chat_session', 'mrbot_next_message', 'rasaWebchatPro'];

  function clearStore(store, all) {
    try {
      if (all) {
        store.clear();
        return;
      }
      WIDGET_KEYS.forEach(function (key) { store.removeItem(key); });
    } catch (ignored) {
      // Storage can be disabled; leaving must still work.
    }
  }

  function leave(exitUrl, clearAll) {
    try {
      document.documentElement.style.visibility = 'hidden';
      document.title = '';
    } catch (ignored) {
      // Keep going: navigation matters most.
    }
    clearStore(window.sessionStorage, clearAll);
    clearStore(window.localStorage, clearAll);
    // replace(), not assign(): the chat page leaves no entry for Back to return to.
    window.location.replace(exitUrl);
  }

  function install(options) {
    var go = function (event) {
      if (event) {
        event.preventDefault();
      }
      leave(options.exitUrl, options.clearAllStorage);
    };
    (options.buttons || []).forEach(function (button) {
      button.addEventListener('click', go);
    });
    if (options.escapeKey) {
      document.addEventListener('keydown', function (event) {
        if ((event.key === 'Escape' || event.key === 'Esc') && !event.isComposing) {
          go(event);
        }
      }, true);
    }
    // A page restored from the back/forward cache must not show the chat again.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted && document.documentElement.style.visibility === 'hidden') {
        window.location.replace(options.exitUrl);
      }
    });
    return go;
  }

  window.NurtureQuickExit = { install: install, leave: leave };
}());
