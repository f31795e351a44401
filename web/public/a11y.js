/*
 * Accessibility layer for rasa-webchat 1.0.1, which ships almost no ARIA.
 *
 * A MutationObserver re-applies, idempotently, after every render: names for the controls,
 * buttons for the quick replies (focusable, Enter/Space), a labelled scrollable conversation,
 * "Nurture said" / "You said" prefixes, and a polite live region (outside React's tree) that
 * reads out each new bot message.
 */
(function () {
  'use strict';

  var DONE = 'data-nurture-a11y';
  var MAX_ANNOUNCEMENTS = 6;

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  function hiddenText(text) {
    var span = document.createElement('span');
    span.className = 'nurture-sr-only';
    span.setAttribute(DONE, 'prefix');
    span.textContent = text;
    return span;
  }

  function messageText(response) {
    var body = response.querySelector('.rw-message-text') || response;
    return (body.textContent || '').replace(/\s+/g, ' ').trim();
  }

  function createLiveRegion(root) {
    var region = document.createElement('div');
    region.className = 'nurture-sr-only nurture-live';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'false');
    root.parentNode.insertBefore(region, root.nextSibling);
    return region;
  }

  function announcer(region) {
    return function (text) {
      var line = document.createElement('p');
      line.textContent = text;
      region.appendChild(line);
      while (region.childNodes.length > MAX_ANNOUNCEMENTS) {
        region.removeChild(region.firstChild);
      }
    };
  }

  function labelControls(root) {
    each(root, '.rw-messages-container', function (el) {
      set(el, 'role', 'region');
      set(el, 'aria-label', 'Conversation with Nurture');
      set(el, 'tabindex', '0');
    });
    each(root, '.rw-new-message', function (el) {
      set(el, 'aria-label', 'Your message to Nurture');
    });
    each(root, '.rw-send', function (el) { set(el, 'aria-label', 'Send'); });
    each(root, '.rw-close-button', function (el) { set(el, 'aria-label', 'Close the chat'); });
    each(root, '.rw-launcher', function (el) {
      var open = !!root.querySelector('.rw-conversation-container');
      set(el, 'aria-label', open ? 'Close the chat' : 'Open the chat with Nurture');
      set(el, 'aria-expanded', open ? 'true' : 'false');
    });
    each(root, '.rw-title', function (el) { set(el, 'aria-level', '2'); });
    each(root, 'svg', function (el) {
      set(el, 'aria-hidden', 'true');
      set(el, 'focusable', 'false');
    });
    each(root, 'img:not([alt])', function (el) { set(el, 'alt', ''); });
    each(root, '.rw-loading', function (el) { set(el, 'role', 'status'); });
  }

  function labelMessages(root) {
    each(root, '.rw-response, .rw-client', function (el) {
      if (el.querySelector('[' + DONE + '="prefix"]')) {
        return;
      }
      var who = el.classList.contains('rw-client') ? 'You said: ' : 'Nurture said: ';
      el.insertBefore(hiddenText(who), el.firstChild);
    });
    each(root, '.rw-replies', function (el) {
      set(el, 'role', 'group');
      set(el, 'aria-label', 'Reply options');
    });
    each(root, 'div.rw-reply', function (el) {
      set(el, 'role', 'button');
      set(el, 'tabindex', '0');
    });
    each(root, '.rw-message a[target="_blank"]', function (el) {
      set(el, 'rel', 'noopener noreferrer');
    });
  }

  function focusInputSoon(root) {
    window.setTimeout(function () {
      var active = document.activeElement;
      if (!active || active === document.body || !root.contains(active)) {
        var input = root.querySelector('.rw-new-message');
        if (input) {
          input.focus();
        }
      }
    }, 50);
  }

  function handleKeys(root) {
    root.addEventListener('keydown', function (event) {
      var reply = event.target.closest && event.target.closest('div.rw-reply');
      if (reply && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        reply.click();
      }
    });
    root.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('.rw-reply')) {
        focusInputSoon(root);
      }
    }, true);
  }

  function replyTitles(replies) {
    return Array.prototype.map.call(replies.querySelectorAll('.rw-reply'), function (el) {
      return (el.textContent || '').trim();
    }).filter(Boolean);
  }

  function attach(root) {
    var say = announcer(createLiveRegion(root));
    // Messages already on screen (a restored session) are not read out again.
    var announced = root.querySelectorAll('.rw-response').length;

    function announceReplies(response) {
      var replies = response.parentNode && response.parentNode.querySelector('.rw-replies');
      if (!replies || replies.hasAttribute(DONE)) {
        return;
      }
      var titles = replyTitles(replies);
      if (titles.length) {
        replies.setAttribute(DONE, 'announced');
        say('Reply options: ' + titles.join('; ') + '.');
      }
    }

    function announceNew() {
      var responses = root.querySelectorAll('.rw-response');
      while (announced < responses.length) {
        var text = responses[announced].querySelector('.rw-message-text') ?
          messageText(responses[announced]) : '';
        if (!text) {
          break;
        }
        say('Nurture: ' + text);
        announced += 1;
      }
      // Quick replies belong to the latest messages; older ones are never read out again.
      for (var i = Math.max(0, announced - 3); i < Math.min(announced, responses.length); i += 1) {
        announceReplies(responses[i]);
      }
    }

    function patch() {
      observer.disconnect();
      labelControls(root);
      labelMessages(root);
      announceNew();
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }

    var observer = new MutationObserver(patch);
    handleKeys(root);
    patch();
    return observer;
  }

  window.NurtureA11y = { attach: attach };
}());
