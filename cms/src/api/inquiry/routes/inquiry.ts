export default {
  routes: [
    {
      method: 'POST',
      path: '/inquiries',
      handler: 'api::inquiry.inquiry.submit',
      config: { middlewares: [{ name: 'global::rate-limit', config: { scope: 'inquiry', perAddress: 'inquiryPerAddress' } }] },
    },
  ],
};
