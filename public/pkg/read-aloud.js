// "Read aloud": reads an offering's title, summary, times, place and
// description with the browser's own speech synthesis, in a voice for the
// page's language when the browser has one, and says plainly when it has
// none. Only where this runs and the browser can speak does the control
// appear. Its words come from the page (data attributes), never from here.
const box = document.querySelector('.read-aloud');
if (box && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window) {
  const speech = window.speechSynthesis;
  const [read, pause, stop] = box.querySelectorAll('button');
  const status = box.querySelector('.read-aloud-status');
  const lang = document.documentElement.lang || 'nb';
  // Bokmål and Nynorsk readers take each other's voice, or one marked only
  // "Norwegian", before none.
  const wanted = {
    nb: ['nb', 'no', 'nn'],
    nn: ['nn', 'no', 'nb'],
    en: ['en'],
  }[lang] || [lang];
  const voiceFor = () => {
    const voices = speech.getVoices();
    for (const code of wanted) {
      const found = voices.find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === code);
      if (found) return found;
    }
    return null;
  };
  // In the order the page lists them: title, summary, when, where, text.
  const text = () =>
    box.dataset.read
      .split(',')
      .flatMap((selector) => [...document.querySelectorAll(selector.trim())])
      .map((el) => el.innerText.trim())
      .filter((t) => t.length > 0)
      .join('.\n');
  const show = (reading, paused) => {
    read.hidden = reading;
    pause.hidden = !reading;
    stop.hidden = !reading;
    pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
  };
  read.addEventListener('click', () => {
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(text());
    const voice = voiceFor();
    utterance.lang = voice ? voice.lang : { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[lang] || lang;
    if (voice) utterance.voice = voice;
    status.textContent = voice ? box.dataset.reading : box.dataset.noVoice;
    // When done, the control is as before; a word about the missing
    // voice stays, for whoever did not catch it.
    const done = () => {
      show(false, false);
      if (voice) status.textContent = '';
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    show(true, false);
    speech.speak(utterance);
  });
  pause.addEventListener('click', () => {
    if (speech.paused) {
      speech.resume();
      show(true, false);
    } else {
      speech.pause();
      show(true, true);
    }
  });
  stop.addEventListener('click', () => {
    speech.cancel();
    show(false, false);
    status.textContent = '';
    read.focus();
  });
  show(false, false);
  box.hidden = false;
}
