// Builds the SurveyJS model from the bench's questions (the same French texts as the floor's) and renders it.
fetch('assets/questions.json')
  .then((response) => response.json())
  .then((questions) => {
    const json = {
      locale: 'fr',
      title: 'Votre autonomie numérique',
      firstPageIsStartPage: true,
      startSurveyText: 'Commencer',
      pageNextText: 'Suivant',
      showProgressBar: 'top',
      pages: [
        { name: 'start', elements: [{ type: 'html', name: 'intro', html: '<p>Quelques questions pour savoir où vous en êtes avec le numérique.</p>' }] },
        ...questions.map((q, i) => ({
          name: `p${i}`,
          elements: [{ type: q.multiple ? 'checkbox' : 'radiogroup', name: `q${i}`, title: q.title, choices: q.options.map((text, j) => ({ value: j, text })) }],
        })),
      ],
    };
    SurveyUI.renderSurvey(new Survey.Model(json), document.getElementById('survey'));
  });
