/*
 * Nurture embed: one script tag puts the chat widget on a page.
 *
 *   <script src="http://127.0.0.1:8080/embed.js" data-region="uk-sct" data-page="hv-hub" async></script>
 *
 * Attributes (all optional): data-region, data-page, data-target (CSS selector of a container;
 * default: a floating launcher), data-embedded ("true": always open inside the container),
 * data-quick-exit ("false", or a selector of the page's own exit link; default: a button is
 * added), data-exit-url, data-escape-key ("false" turns off the Esc shortcut),
 * data-socket-url, data-clear-all-storage ("true" on pages of this origin only).
 * Everything is loaded from the origin this script came from: no third-party requests.
 */
(function () {
  'use strict';

  var DEFAULTS = /*NURTURE_DEFAULTS*/{};
  var REGIONS = ['uk-eng', 'uk-sct', 'uk-wls', 'uk-nir', 'us', 'ie'];
  var PAGE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

  var script = document.currentScript;
  if (!script || window.NurtureEmbedLoaded) {
    return;
  }
  window.NurtureEmbedLoaded = true;
  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;

  function pick(value, valid, fallback) {
    return value && valid(value) ? value : fallback;
  }

  var config = {
    socketUrl: data.socketUrl || DEFAULTS.socketUrl,
    region: pick(data.region, function (r) { return REGIONS.indexOf(r) >= 0; }, DEFAULTS.region),
    page: pick(data.page, function (p) { return PAGE_NAME.test(p); }, DEFAULTS.page),
    exitUrl: pick(data.exitUrl, function (u) { return /^https?:\/\//.test(u); }, DEFAULTS.exitUrl),
    embedded: data.embedded === 'true',
    target: data.target || null,
    quickExit: data.quickExit || 'true',
    escapeKey: data.escapeKey !== 'false',
    clearAllStorage: data.clearAllStorage === 'true' && origin === window.location.origin
  };

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = origin + path;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error('could not load ' + path)); };
      document.head.appendChild(tag);
    });
  }

  function loadStyles() {
    var href = origin + '/nurture.css';
    if (document.querySelector('link[href="' + href + '"], link[href="/nurture.css"]')) {
      return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  function container() {
    var found = config.target && document.querySelector(config.target);
    if (found) {
      return found;
    }
    var div = document.createElement('div');
    div.className = 'nurture-widget nurture-floating';
    div.setAttribute('role', 'region');
    div.setAttribute('aria-label', 'Chat with Nurture');
    document.body.appendChild(div);
    return div;
  }

  function exitButtons() {
    if (config.quickExit === 'false') {
      return [];
    }
    if (config.quickExit !== 'true') {
      return Array.prototype.slice.call(document.querySelectorAll(config.quickExit));
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'quick-exit nurture-quick-exit-floating';
    button.textContent = 'Leave this site quickly';
    document.body.insertBefore(button, document.body.firstChild);
    return [button];
  }

  function widgetProps() {
    return {
      initPayload: '/greet',
      customData: { region: config.region, page: config.page },
      socketUrl: config.socketUrl,
      socketPath: '/socket.io/',
      title: 'Nurture',
      subtitle: 'Automated assistant, not a person',
      inputTextFieldHint: 'Type your message',
      connectingText: 'Connecting...',
      embedded: config.embedded,
      showCloseButton: !config.embedded,
      showFullScreenButton: false,
      hideWhenNotConnected: false,
      withRules: false,
      docViewer: false,
      displayUnreadCount: false,
      showMessageDate: false,
      // Conversation state lives only as long as the tab; quick exit clears it too.
      params: { storage: 'session' },
      customMessageDelay: function () { return 400; }
    };
  }

  function whenReady(callback) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', callback);
    } else {
      callback();
    }
  }

  function installQuickExit() {
    window.NurtureQuickExit.install({
      exitUrl: config.exitUrl,
      buttons: exitButtons(),
      escapeKey: config.escapeKey,
      clearAllStorage: config.clearAllStorage
    });
  }

  function startWidget() {
    var root = container();
    window.NurtureA11y.attach(root);
    window.WebChat.default(widgetProps(), root);
  }

  // Styles and quick exit first, so leaving works even while the widget is still loading.
  loadStyles();
  loadScript('/quick-exit.js')
    .then(function () { whenReady(installQuickExit); })
    .then(function () { return loadScript('/a11y.js'); })
    .then(function () { return loadScript('/vendor/rasa-webchat.js'); })
    .then(function () { whenReady(startWidget); })
    .catch(function (error) {
      window.console.error('Nurture chat could not start:', error.message);
    });
}());
